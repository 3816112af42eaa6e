# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'decision_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_DecisionPanel(object):
    def setupUi(self, DecisionPanel):
        if not DecisionPanel.objectName():
            DecisionPanel.setObjectName(u"DecisionPanel")
        DecisionPanel.setMinimumSize(QSize(320, 0))
        self.decisionLayout = QVBoxLayout(DecisionPanel)
        self.decisionLayout.setSpacing(4)
        self.decisionLayout.setObjectName(u"decisionLayout")
        self.decisionLayout.setContentsMargins(6, 4, 6, 4)
        self.outcomeLabel = QLabel(DecisionPanel)
        self.outcomeLabel.setObjectName(u"outcomeLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.outcomeLabel.sizePolicy().hasHeightForWidth())
        self.outcomeLabel.setSizePolicy(sizePolicy)
        self.outcomeLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outcomeLabel.setWordWrap(True)

        self.decisionLayout.addWidget(self.outcomeLabel)

        self.amountsForm = QFormLayout()
        self.amountsForm.setObjectName(u"amountsForm")
        self.amountsForm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.amountsForm.setVerticalSpacing(2)
        self.merchandiseTitle = QLabel(DecisionPanel)
        self.merchandiseTitle.setObjectName(u"merchandiseTitle")

        self.amountsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.merchandiseTitle)

        self.merchandiseValue = QLabel(DecisionPanel)
        self.merchandiseValue.setObjectName(u"merchandiseValue")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.merchandiseValue.sizePolicy().hasHeightForWidth())
        self.merchandiseValue.setSizePolicy(sizePolicy1)

        self.amountsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.merchandiseValue)

        self.restockingFeeTitle = QLabel(DecisionPanel)
        self.restockingFeeTitle.setObjectName(u"restockingFeeTitle")

        self.amountsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.restockingFeeTitle)

        self.restockingFeeValue = QLabel(DecisionPanel)
        self.restockingFeeValue.setObjectName(u"restockingFeeValue")
        sizePolicy1.setHeightForWidth(self.restockingFeeValue.sizePolicy().hasHeightForWidth())
        self.restockingFeeValue.setSizePolicy(sizePolicy1)

        self.amountsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.restockingFeeValue)

        self.shippingDeductionTitle = QLabel(DecisionPanel)
        self.shippingDeductionTitle.setObjectName(u"shippingDeductionTitle")

        self.amountsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.shippingDeductionTitle)

        self.shippingDeductionValue = QLabel(DecisionPanel)
        self.shippingDeductionValue.setObjectName(u"shippingDeductionValue")
        sizePolicy1.setHeightForWidth(self.shippingDeductionValue.sizePolicy().hasHeightForWidth())
        self.shippingDeductionValue.setSizePolicy(sizePolicy1)

        self.amountsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.shippingDeductionValue)

        self.shippingRefundTitle = QLabel(DecisionPanel)
        self.shippingRefundTitle.setObjectName(u"shippingRefundTitle")

        self.amountsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.shippingRefundTitle)

        self.shippingRefundValue = QLabel(DecisionPanel)
        self.shippingRefundValue.setObjectName(u"shippingRefundValue")
        sizePolicy1.setHeightForWidth(self.shippingRefundValue.sizePolicy().hasHeightForWidth())
        self.shippingRefundValue.setSizePolicy(sizePolicy1)

        self.amountsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.shippingRefundValue)

        self.refundTotalTitle = QLabel(DecisionPanel)
        self.refundTotalTitle.setObjectName(u"refundTotalTitle")

        self.amountsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.refundTotalTitle)

        self.refundTotalValue = QLabel(DecisionPanel)
        self.refundTotalValue.setObjectName(u"refundTotalValue")
        sizePolicy1.setHeightForWidth(self.refundTotalValue.sizePolicy().hasHeightForWidth())
        self.refundTotalValue.setSizePolicy(sizePolicy1)

        self.amountsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.refundTotalValue)

        self.refundMethodTitle = QLabel(DecisionPanel)
        self.refundMethodTitle.setObjectName(u"refundMethodTitle")

        self.amountsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.refundMethodTitle)

        self.refundMethodValue = QLabel(DecisionPanel)
        self.refundMethodValue.setObjectName(u"refundMethodValue")
        self.refundMethodValue.setWordWrap(True)
        sizePolicy1.setHeightForWidth(self.refundMethodValue.sizePolicy().hasHeightForWidth())
        self.refundMethodValue.setSizePolicy(sizePolicy1)

        self.amountsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.refundMethodValue)

        self.fillTitle = QLabel(DecisionPanel)
        self.fillTitle.setObjectName(u"fillTitle")

        self.amountsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.fillTitle)

        self.fillValue = QLabel(DecisionPanel)
        self.fillValue.setObjectName(u"fillValue")
        sizePolicy1.setHeightForWidth(self.fillValue.sizePolicy().hasHeightForWidth())
        self.fillValue.setSizePolicy(sizePolicy1)

        self.amountsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.fillValue)

        self.documentsTitle = QLabel(DecisionPanel)
        self.documentsTitle.setObjectName(u"documentsTitle")

        self.amountsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.documentsTitle)

        self.documentsValue = QLabel(DecisionPanel)
        self.documentsValue.setObjectName(u"documentsValue")
        self.documentsValue.setWordWrap(True)
        sizePolicy1.setHeightForWidth(self.documentsValue.sizePolicy().hasHeightForWidth())
        self.documentsValue.setSizePolicy(sizePolicy1)

        self.amountsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.documentsValue)


        self.decisionLayout.addLayout(self.amountsForm)

        self.reasonsScroll = QScrollArea(DecisionPanel)
        self.reasonsScroll.setObjectName(u"reasonsScroll")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(1)
        sizePolicy2.setHeightForWidth(self.reasonsScroll.sizePolicy().hasHeightForWidth())
        self.reasonsScroll.setSizePolicy(sizePolicy2)
        self.reasonsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.reasonsScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reasonsScroll.setWidgetResizable(True)
        self.reasonsArea = QWidget()
        self.reasonsArea.setObjectName(u"reasonsArea")
        self.reasonsLayout = QVBoxLayout(self.reasonsArea)
        self.reasonsLayout.setObjectName(u"reasonsLayout")
        self.reasonsLayout.setContentsMargins(0, 0, 0, 0)
        self.supervisorLabel = QLabel(self.reasonsArea)
        self.supervisorLabel.setObjectName(u"supervisorLabel")
        sizePolicy.setHeightForWidth(self.supervisorLabel.sizePolicy().hasHeightForWidth())
        self.supervisorLabel.setSizePolicy(sizePolicy)
        self.supervisorLabel.setWordWrap(True)
        self.supervisorLabel.setVisible(False)

        self.reasonsLayout.addWidget(self.supervisorLabel)

        self.reasonsLabel = QLabel(self.reasonsArea)
        self.reasonsLabel.setObjectName(u"reasonsLabel")
        sizePolicy.setHeightForWidth(self.reasonsLabel.sizePolicy().hasHeightForWidth())
        self.reasonsLabel.setSizePolicy(sizePolicy)
        self.reasonsLabel.setWordWrap(True)
        self.reasonsLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.reasonsLayout.addWidget(self.reasonsLabel)

        self.reasonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.reasonsLayout.addItem(self.reasonsSpacer)

        self.reasonsScroll.setWidget(self.reasonsArea)

        self.decisionLayout.addWidget(self.reasonsScroll)


        self.retranslateUi(DecisionPanel)

        QMetaObject.connectSlotsByName(DecisionPanel)
    # setupUi

    def retranslateUi(self, DecisionPanel):
        DecisionPanel.setTitle(QCoreApplication.translate("DecisionPanel", u"Decision", None))
#if QT_CONFIG(accessibility)
        DecisionPanel.setAccessibleName(QCoreApplication.translate("DecisionPanel", u"Decision", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.outcomeLabel.setAccessibleName(QCoreApplication.translate("DecisionPanel", u"Outcome", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeLabel.setText(QCoreApplication.translate("DecisionPanel", u"Scan an RMA", None))
        self.merchandiseTitle.setText(QCoreApplication.translate("DecisionPanel", u"Merchandise", None))
#if QT_CONFIG(accessibility)
        self.merchandiseValue.setAccessibleName(QCoreApplication.translate("DecisionPanel", u"Merchandise", None))
#endif // QT_CONFIG(accessibility)
        self.merchandiseValue.setText(QCoreApplication.translate("DecisionPanel", u"\u2014", None))
        self.restockingFeeTitle.setText(QCoreApplication.translate("DecisionPanel", u"Restocking fee", None))
#if QT_CONFIG(accessibility)
        self.restockingFeeValue.setAccessibleName(QCoreApplication.translate("DecisionPanel", u"Restocking fee", None))
#endif // QT_CONFIG(accessibility)
        self.restockingFeeValue.setText(QCoreApplication.translate("DecisionPanel", u"\u2014", None))
        self.shippingDeductionTitle.setText(QCoreApplication.translate("DecisionPanel", u"Return shipping deducted", None))
#if QT_CONFIG(accessibility)
        self.shippingDeductionValue.setAccessibleName(QCoreApplication.translate("DecisionPanel", u"Return shipping deducted", None))
#endif // QT_CONFIG(accessibility)
        self.shippingDeductionValue.setText(QCoreApplication.translate("DecisionPanel", u"\u2014", None))
        self.shippingRefundTitle.setText(QCoreApplication.translate("DecisionPanel", u"Shipping refunded", None))
#if QT_CONFIG(accessibility)
        self.shippingRefundValue.setAccessibleName(QCoreApplication.translate("DecisionPanel", u"Shipping refunded", None))
#endif // QT_CONFIG(accessibility)
        self.shippingRefundValue.setText(QCoreApplication.translate("DecisionPanel", u"\u2014", None))
        self.refundTotalTitle.setText(QCoreApplication.translate("DecisionPanel", u"Refund total", None))
#if QT_CONFIG(accessibility)
        self.refundTotalValue.setAccessibleName(QCoreApplication.translate("DecisionPanel", u"Refund total", None))
#endif // QT_CONFIG(accessibility)
        self.refundTotalValue.setText(QCoreApplication.translate("DecisionPanel", u"\u2014", None))
        self.refundMethodTitle.setText(QCoreApplication.translate("DecisionPanel", u"Refund to", None))
#if QT_CONFIG(accessibility)
        self.refundMethodValue.setAccessibleName(QCoreApplication.translate("DecisionPanel", u"Refund method", None))
#endif // QT_CONFIG(accessibility)
        self.refundMethodValue.setText(QCoreApplication.translate("DecisionPanel", u"\u2014", None))
        self.fillTitle.setText(QCoreApplication.translate("DecisionPanel", u"Fill level", None))
#if QT_CONFIG(accessibility)
        self.fillValue.setAccessibleName(QCoreApplication.translate("DecisionPanel", u"Fill level", None))
#endif // QT_CONFIG(accessibility)
        self.fillValue.setText(QCoreApplication.translate("DecisionPanel", u"\u2014", None))
        self.documentsTitle.setText(QCoreApplication.translate("DecisionPanel", u"Documents", None))
#if QT_CONFIG(accessibility)
        self.documentsValue.setAccessibleName(QCoreApplication.translate("DecisionPanel", u"Documents to print", None))
#endif // QT_CONFIG(accessibility)
        self.documentsValue.setText(QCoreApplication.translate("DecisionPanel", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.reasonsScroll.setAccessibleName(QCoreApplication.translate("DecisionPanel", u"Reasons and approvals", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.supervisorLabel.setAccessibleName(QCoreApplication.translate("DecisionPanel", u"What needs a supervisor", None))
#endif // QT_CONFIG(accessibility)
        self.supervisorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.reasonsLabel.setAccessibleName(QCoreApplication.translate("DecisionPanel", u"Reasons for the customer", None))
#endif // QT_CONFIG(accessibility)
        self.reasonsLabel.setText("")
    # retranslateUi

