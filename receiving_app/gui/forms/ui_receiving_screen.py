# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'receiving_screen.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget

from receiving_app.gui.bench_layout import ColumnsArea
from receiving_app.gui.decision_panel import DecisionPanel
from receiving_app.gui.inspection_panel import InspectionPanel
from receiving_app.gui.weight_panel import WeightPanel

class Ui_ReceivingScreen(object):
    def setupUi(self, ReceivingScreen):
        if not ReceivingScreen.objectName():
            ReceivingScreen.setObjectName(u"ReceivingScreen")
        ReceivingScreen.resize(1500, 900)
        self.screenLayout = QVBoxLayout(ReceivingScreen)
        self.screenLayout.setObjectName(u"screenLayout")
        self.scanRow = QHBoxLayout()
        self.scanRow.setObjectName(u"scanRow")
        self.scanLabel = QLabel(ReceivingScreen)
        self.scanLabel.setObjectName(u"scanLabel")

        self.scanRow.addWidget(self.scanLabel)

        self.scanEdit = QLineEdit(ReceivingScreen)
        self.scanEdit.setObjectName(u"scanEdit")
        self.scanEdit.setMaximumSize(QSize(155, 16777215))
        self.scanEdit.setClearButtonEnabled(True)

        self.scanRow.addWidget(self.scanEdit)

        self.feedbackLabel = QLabel(ReceivingScreen)
        self.feedbackLabel.setObjectName(u"feedbackLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(2)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.feedbackLabel.sizePolicy().hasHeightForWidth())
        self.feedbackLabel.setSizePolicy(sizePolicy)

        self.scanRow.addWidget(self.feedbackLabel)


        self.screenLayout.addLayout(self.scanRow)

        self.columnsScroll = QScrollArea(ReceivingScreen)
        self.columnsScroll.setObjectName(u"columnsScroll")
        self.columnsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.columnsScroll.setWidgetResizable(True)
        self.columnsArea = ColumnsArea()
        self.columnsArea.setObjectName(u"columnsArea")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.columnsArea.sizePolicy().hasHeightForWidth())
        self.columnsArea.setSizePolicy(sizePolicy1)
        self.columns = QHBoxLayout(self.columnsArea)
        self.columns.setObjectName(u"columns")
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.firstColumn = QVBoxLayout()
        self.firstColumn.setObjectName(u"firstColumn")
        self.rmaGroup = QGroupBox(self.columnsArea)
        self.rmaGroup.setObjectName(u"rmaGroup")
        self.rmaGroup.setMinimumSize(QSize(320, 0))
        self.rmaForm = QFormLayout(self.rmaGroup)
        self.rmaForm.setObjectName(u"rmaForm")
        self.rmaForm.setVerticalSpacing(2)
        self.rmaForm.setContentsMargins(6, 4, 6, 4)
        self.numberTitle = QLabel(self.rmaGroup)
        self.numberTitle.setObjectName(u"numberTitle")

        self.rmaForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.numberTitle)

        self.numberValue = QLabel(self.rmaGroup)
        self.numberValue.setObjectName(u"numberValue")
        sizePolicy1.setHeightForWidth(self.numberValue.sizePolicy().hasHeightForWidth())
        self.numberValue.setSizePolicy(sizePolicy1)

        self.rmaForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.numberValue)

        self.statusTitle = QLabel(self.rmaGroup)
        self.statusTitle.setObjectName(u"statusTitle")

        self.rmaForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.statusTitle)

        self.statusValue = QLabel(self.rmaGroup)
        self.statusValue.setObjectName(u"statusValue")
        sizePolicy1.setHeightForWidth(self.statusValue.sizePolicy().hasHeightForWidth())
        self.statusValue.setSizePolicy(sizePolicy1)

        self.rmaForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.statusValue)

        self.customerTitle = QLabel(self.rmaGroup)
        self.customerTitle.setObjectName(u"customerTitle")

        self.rmaForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.customerTitle)

        self.customerValue = QLabel(self.rmaGroup)
        self.customerValue.setObjectName(u"customerValue")
        self.customerValue.setWordWrap(True)
        sizePolicy1.setHeightForWidth(self.customerValue.sizePolicy().hasHeightForWidth())
        self.customerValue.setSizePolicy(sizePolicy1)

        self.rmaForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.customerValue)

        self.orderTitle = QLabel(self.rmaGroup)
        self.orderTitle.setObjectName(u"orderTitle")

        self.rmaForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.orderTitle)

        self.orderValue = QLabel(self.rmaGroup)
        self.orderValue.setObjectName(u"orderValue")
        self.orderValue.setWordWrap(True)
        sizePolicy1.setHeightForWidth(self.orderValue.sizePolicy().hasHeightForWidth())
        self.orderValue.setSizePolicy(sizePolicy1)

        self.rmaForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.orderValue)

        self.sellerTitle = QLabel(self.rmaGroup)
        self.sellerTitle.setObjectName(u"sellerTitle")

        self.rmaForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sellerTitle)

        self.sellerValue = QLabel(self.rmaGroup)
        self.sellerValue.setObjectName(u"sellerValue")
        self.sellerValue.setWordWrap(True)
        sizePolicy1.setHeightForWidth(self.sellerValue.sizePolicy().hasHeightForWidth())
        self.sellerValue.setSizePolicy(sizePolicy1)

        self.rmaForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sellerValue)

        self.datesTitle = QLabel(self.rmaGroup)
        self.datesTitle.setObjectName(u"datesTitle")

        self.rmaForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.datesTitle)

        self.datesValue = QLabel(self.rmaGroup)
        self.datesValue.setObjectName(u"datesValue")
        self.datesValue.setWordWrap(True)
        sizePolicy1.setHeightForWidth(self.datesValue.sizePolicy().hasHeightForWidth())
        self.datesValue.setSizePolicy(sizePolicy1)

        self.rmaForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.datesValue)


        self.firstColumn.addWidget(self.rmaGroup)

        self.linesTable = QTableView(self.columnsArea)
        self.linesTable.setObjectName(u"linesTable")
        self.linesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.linesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.linesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.linesTable.setTabKeyNavigation(False)
        self.linesTable.setWordWrap(False)

        self.firstColumn.addWidget(self.linesTable)

        self.weightPanel = WeightPanel(self.columnsArea)
        self.weightPanel.setObjectName(u"weightPanel")

        self.firstColumn.addWidget(self.weightPanel)

        self.firstColumn.setStretch(1, 1)

        self.columns.addLayout(self.firstColumn)

        self.secondColumn = QVBoxLayout()
        self.secondColumn.setObjectName(u"secondColumn")
        self.inspectionPanel = InspectionPanel(self.columnsArea)
        self.inspectionPanel.setObjectName(u"inspectionPanel")

        self.secondColumn.addWidget(self.inspectionPanel)

        self.secondColumnSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.secondColumn.addItem(self.secondColumnSpacer)


        self.columns.addLayout(self.secondColumn)

        self.thirdColumn = QVBoxLayout()
        self.thirdColumn.setObjectName(u"thirdColumn")
        self.decisionPanel = DecisionPanel(self.columnsArea)
        self.decisionPanel.setObjectName(u"decisionPanel")

        self.thirdColumn.addWidget(self.decisionPanel)

        self.actionsBox = QWidget(self.columnsArea)
        self.actionsBox.setObjectName(u"actionsBox")
        self.actionGrid = QGridLayout(self.actionsBox)
        self.actionGrid.setObjectName(u"actionGrid")
        self.actionGrid.setContentsMargins(0, 0, 0, 0)
        self.acceptButton = QPushButton(self.actionsBox)
        self.acceptButton.setObjectName(u"acceptButton")
        self.acceptButton.setMinimumSize(QSize(0, 56))
        font = QFont()
        font.setPointSize(18)
        font.setBold(True)
        self.acceptButton.setFont(font)

        self.actionGrid.addWidget(self.acceptButton, 0, 0, 1, 2)

        self.holdButton = QPushButton(self.actionsBox)
        self.holdButton.setObjectName(u"holdButton")

        self.actionGrid.addWidget(self.holdButton, 1, 0, 1, 1)

        self.notReceivedButton = QPushButton(self.actionsBox)
        self.notReceivedButton.setObjectName(u"notReceivedButton")

        self.actionGrid.addWidget(self.notReceivedButton, 1, 1, 1, 1)

        self.overrideButton = QPushButton(self.actionsBox)
        self.overrideButton.setObjectName(u"overrideButton")

        self.actionGrid.addWidget(self.overrideButton, 2, 0, 1, 1)

        self.photoButton = QPushButton(self.actionsBox)
        self.photoButton.setObjectName(u"photoButton")

        self.actionGrid.addWidget(self.photoButton, 2, 1, 1, 1)


        self.thirdColumn.addWidget(self.actionsBox)

        self.thirdColumn.setStretch(0, 1)

        self.columns.addLayout(self.thirdColumn)

        self.columns.setStretch(0, 1)
        self.columns.setStretch(1, 1)
        self.columns.setStretch(2, 1)
        self.columnsScroll.setWidget(self.columnsArea)

        self.screenLayout.addWidget(self.columnsScroll)

#if QT_CONFIG(shortcut)
        self.scanLabel.setBuddy(self.scanEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.scanEdit, self.linesTable)

        self.retranslateUi(ReceivingScreen)

        QMetaObject.connectSlotsByName(ReceivingScreen)
    # setupUi

    def retranslateUi(self, ReceivingScreen):
#if QT_CONFIG(accessibility)
        ReceivingScreen.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"Receiving", None))
#endif // QT_CONFIG(accessibility)
        self.scanLabel.setText(QCoreApplication.translate("ReceivingScreen", u"Scan or type", None))
#if QT_CONFIG(accessibility)
        self.scanEdit.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"Scan or type an RMA number, UPC or SKU", None))
#endif // QT_CONFIG(accessibility)
        self.scanEdit.setPlaceholderText(QCoreApplication.translate("ReceivingScreen", u"Scan or type an RMA number, UPC or SKU, then Enter", None))
#if QT_CONFIG(accessibility)
        self.feedbackLabel.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"Scan feedback", None))
#endif // QT_CONFIG(accessibility)
        self.feedbackLabel.setText(QCoreApplication.translate("ReceivingScreen", u"Ready: scan an RMA label", None))
#if QT_CONFIG(accessibility)
        self.columnsScroll.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"Receiving columns", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.columnsArea.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"RMA, inspection and decision", None))
#endif // QT_CONFIG(accessibility)
        self.rmaGroup.setTitle(QCoreApplication.translate("ReceivingScreen", u"RMA", None))
        self.numberTitle.setText(QCoreApplication.translate("ReceivingScreen", u"Number", None))
#if QT_CONFIG(accessibility)
        self.numberValue.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"RMA number", None))
#endif // QT_CONFIG(accessibility)
        self.numberValue.setStyleSheet(QCoreApplication.translate("ReceivingScreen", u"font-size: 22pt; font-weight: bold;", None))
        self.numberValue.setText(QCoreApplication.translate("ReceivingScreen", u"\u2014", None))
        self.statusTitle.setText(QCoreApplication.translate("ReceivingScreen", u"Status", None))
#if QT_CONFIG(accessibility)
        self.statusValue.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"RMA status", None))
#endif // QT_CONFIG(accessibility)
        self.statusValue.setText(QCoreApplication.translate("ReceivingScreen", u"\u2014", None))
        self.customerTitle.setText(QCoreApplication.translate("ReceivingScreen", u"Customer", None))
#if QT_CONFIG(accessibility)
        self.customerValue.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"Customer", None))
#endif // QT_CONFIG(accessibility)
        self.customerValue.setText(QCoreApplication.translate("ReceivingScreen", u"\u2014", None))
        self.orderTitle.setText(QCoreApplication.translate("ReceivingScreen", u"Order", None))
#if QT_CONFIG(accessibility)
        self.orderValue.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"Order", None))
#endif // QT_CONFIG(accessibility)
        self.orderValue.setText(QCoreApplication.translate("ReceivingScreen", u"\u2014", None))
        self.sellerTitle.setText(QCoreApplication.translate("ReceivingScreen", u"Seller", None))
#if QT_CONFIG(accessibility)
        self.sellerValue.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"Seller and policy", None))
#endif // QT_CONFIG(accessibility)
        self.sellerValue.setText(QCoreApplication.translate("ReceivingScreen", u"\u2014", None))
        self.datesTitle.setText(QCoreApplication.translate("ReceivingScreen", u"Dates", None))
#if QT_CONFIG(accessibility)
        self.datesValue.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"Order and return dates", None))
#endif // QT_CONFIG(accessibility)
        self.datesValue.setText(QCoreApplication.translate("ReceivingScreen", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.linesTable.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"RMA lines", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.actionsBox.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"Actions on the unit", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.acceptButton.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"Accept and print", None))
#endif // QT_CONFIG(accessibility)
        self.acceptButton.setText(QCoreApplication.translate("ReceivingScreen", u"Accept and print", None))
#if QT_CONFIG(accessibility)
        self.holdButton.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"Hold line", None))
#endif // QT_CONFIG(accessibility)
        self.holdButton.setText(QCoreApplication.translate("ReceivingScreen", u"Hold", None))
#if QT_CONFIG(accessibility)
        self.notReceivedButton.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"Line did not arrive", None))
#endif // QT_CONFIG(accessibility)
        self.notReceivedButton.setText(QCoreApplication.translate("ReceivingScreen", u"Did not arrive", None))
#if QT_CONFIG(accessibility)
        self.overrideButton.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"Supervisor override", None))
#endif // QT_CONFIG(accessibility)
        self.overrideButton.setText(QCoreApplication.translate("ReceivingScreen", u"Override", None))
#if QT_CONFIG(accessibility)
        self.photoButton.setAccessibleName(QCoreApplication.translate("ReceivingScreen", u"Add damage photo", None))
#endif // QT_CONFIG(accessibility)
        self.photoButton.setText(QCoreApplication.translate("ReceivingScreen", u"Photo", None))
    # retranslateUi

