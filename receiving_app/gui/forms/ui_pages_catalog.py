# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pages_catalog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget

class Ui_CatalogPage(object):
    def setupUi(self, CatalogPage):
        if not CatalogPage.objectName():
            CatalogPage.setObjectName(u"CatalogPage")
        CatalogPage.resize(1280, 800)
        self.catalogLayout = QVBoxLayout(CatalogPage)
        self.catalogLayout.setObjectName(u"catalogLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.filterLabel = QLabel(CatalogPage)
        self.filterLabel.setObjectName(u"filterLabel")

        self.filterLayout.addWidget(self.filterLabel)

        self.filterEdit = QLineEdit(CatalogPage)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.filterEdit)


        self.catalogLayout.addLayout(self.filterLayout)

        self.catalogTable = QTableView(CatalogPage)
        self.catalogTable.setObjectName(u"catalogTable")
        self.catalogTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.catalogTable.setAlternatingRowColors(True)
        self.catalogTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.catalogTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.catalogTable.setSortingEnabled(True)
        self.catalogTable.setWordWrap(False)

        self.catalogLayout.addWidget(self.catalogTable)

        self.countLabel = QLabel(CatalogPage)
        self.countLabel.setObjectName(u"countLabel")

        self.catalogLayout.addWidget(self.countLabel)

        self.editorGroup = QGroupBox(CatalogPage)
        self.editorGroup.setObjectName(u"editorGroup")
        self.editorLayout = QVBoxLayout(self.editorGroup)
        self.editorLayout.setObjectName(u"editorLayout")
        self.permissionLabel = QLabel(self.editorGroup)
        self.permissionLabel.setObjectName(u"permissionLabel")
        self.permissionLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.permissionLabel)

        self.editorGrid = QGridLayout()
        self.editorGrid.setObjectName(u"editorGrid")
        self.skuLabel = QLabel(self.editorGroup)
        self.skuLabel.setObjectName(u"skuLabel")

        self.editorGrid.addWidget(self.skuLabel, 0, 0, 1, 1)

        self.skuValue = QLabel(self.editorGroup)
        self.skuValue.setObjectName(u"skuValue")
        self.skuValue.setWordWrap(True)
        self.skuValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.editorGrid.addWidget(self.skuValue, 0, 1, 1, 1)

        self.brandLabel = QLabel(self.editorGroup)
        self.brandLabel.setObjectName(u"brandLabel")

        self.editorGrid.addWidget(self.brandLabel, 0, 2, 1, 1)

        self.brandValue = QLabel(self.editorGroup)
        self.brandValue.setObjectName(u"brandValue")
        self.brandValue.setWordWrap(True)
        self.brandValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.editorGrid.addWidget(self.brandValue, 0, 3, 1, 1)

        self.descriptionLabel = QLabel(self.editorGroup)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.editorGrid.addWidget(self.descriptionLabel, 1, 0, 1, 1)

        self.descriptionEdit = QLineEdit(self.editorGroup)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setMaxLength(200)

        self.editorGrid.addWidget(self.descriptionEdit, 1, 1, 1, 3)

        self.descriptionProblem = QLabel(self.editorGroup)
        self.descriptionProblem.setObjectName(u"descriptionProblem")
        self.descriptionProblem.setWordWrap(True)

        self.editorGrid.addWidget(self.descriptionProblem, 2, 1, 1, 3)

        self.upcLabel = QLabel(self.editorGroup)
        self.upcLabel.setObjectName(u"upcLabel")

        self.editorGrid.addWidget(self.upcLabel, 3, 0, 1, 1)

        self.upcEdit = QLineEdit(self.editorGroup)
        self.upcEdit.setObjectName(u"upcEdit")
        self.upcEdit.setMaxLength(14)

        self.editorGrid.addWidget(self.upcEdit, 3, 1, 1, 1)

        self.priceLabel = QLabel(self.editorGroup)
        self.priceLabel.setObjectName(u"priceLabel")

        self.editorGrid.addWidget(self.priceLabel, 3, 2, 1, 1)

        self.priceEdit = QLineEdit(self.editorGroup)
        self.priceEdit.setObjectName(u"priceEdit")

        self.editorGrid.addWidget(self.priceEdit, 3, 3, 1, 1)

        self.upcProblem = QLabel(self.editorGroup)
        self.upcProblem.setObjectName(u"upcProblem")
        self.upcProblem.setWordWrap(True)

        self.editorGrid.addWidget(self.upcProblem, 4, 1, 1, 1)

        self.priceProblem = QLabel(self.editorGroup)
        self.priceProblem.setObjectName(u"priceProblem")
        self.priceProblem.setWordWrap(True)

        self.editorGrid.addWidget(self.priceProblem, 4, 3, 1, 1)

        self.fullLabel = QLabel(self.editorGroup)
        self.fullLabel.setObjectName(u"fullLabel")

        self.editorGrid.addWidget(self.fullLabel, 5, 0, 1, 1)

        self.fullEdit = QLineEdit(self.editorGroup)
        self.fullEdit.setObjectName(u"fullEdit")

        self.editorGrid.addWidget(self.fullEdit, 5, 1, 1, 1)

        self.emptyLabel = QLabel(self.editorGroup)
        self.emptyLabel.setObjectName(u"emptyLabel")

        self.editorGrid.addWidget(self.emptyLabel, 5, 2, 1, 1)

        self.emptyEdit = QLineEdit(self.editorGroup)
        self.emptyEdit.setObjectName(u"emptyEdit")

        self.editorGrid.addWidget(self.emptyEdit, 5, 3, 1, 1)

        self.fullProblem = QLabel(self.editorGroup)
        self.fullProblem.setObjectName(u"fullProblem")
        self.fullProblem.setWordWrap(True)

        self.editorGrid.addWidget(self.fullProblem, 6, 1, 1, 1)

        self.emptyProblem = QLabel(self.editorGroup)
        self.emptyProblem.setObjectName(u"emptyProblem")
        self.emptyProblem.setWordWrap(True)

        self.editorGrid.addWidget(self.emptyProblem, 6, 3, 1, 1)

        self.editorGrid.setColumnStretch(1, 1)
        self.editorGrid.setColumnStretch(3, 1)

        self.editorLayout.addLayout(self.editorGrid)

        self.messageLabel = QLabel(self.editorGroup)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.messageLabel)

        self.editorButtonsLayout = QHBoxLayout()
        self.editorButtonsLayout.setObjectName(u"editorButtonsLayout")
        self.saveButton = QPushButton(self.editorGroup)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setEnabled(False)

        self.editorButtonsLayout.addWidget(self.saveButton)

        self.revertButton = QPushButton(self.editorGroup)
        self.revertButton.setObjectName(u"revertButton")
        self.revertButton.setEnabled(False)

        self.editorButtonsLayout.addWidget(self.revertButton)

        self.editorButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.editorButtonsLayout.addItem(self.editorButtonsSpacer)


        self.editorLayout.addLayout(self.editorButtonsLayout)


        self.catalogLayout.addWidget(self.editorGroup)

        self.catalogLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.filterLabel.setBuddy(self.filterEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.upcLabel.setBuddy(self.upcEdit)
        self.priceLabel.setBuddy(self.priceEdit)
        self.fullLabel.setBuddy(self.fullEdit)
        self.emptyLabel.setBuddy(self.emptyEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.filterEdit, self.catalogTable)
        QWidget.setTabOrder(self.catalogTable, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.upcEdit)
        QWidget.setTabOrder(self.upcEdit, self.priceEdit)
        QWidget.setTabOrder(self.priceEdit, self.fullEdit)
        QWidget.setTabOrder(self.fullEdit, self.emptyEdit)
        QWidget.setTabOrder(self.emptyEdit, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.revertButton)

        self.retranslateUi(CatalogPage)

        QMetaObject.connectSlotsByName(CatalogPage)
    # setupUi

    def retranslateUi(self, CatalogPage):
#if QT_CONFIG(accessibility)
        CatalogPage.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Catalog", None))
#endif // QT_CONFIG(accessibility)
        self.filterLabel.setText(QCoreApplication.translate("CatalogPage", u"&Filter", None))
#if QT_CONFIG(accessibility)
        self.filterEdit.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Filter the catalog by any column", None))
#endif // QT_CONFIG(accessibility)
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("CatalogPage", u"SKU, brand, description, UPC\u2026", None))
#if QT_CONFIG(accessibility)
        self.catalogTable.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Catalog items", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.countLabel.setAccessibleName(QCoreApplication.translate("CatalogPage", u"How many items are listed", None))
#endif // QT_CONFIG(accessibility)
        self.countLabel.setText("")
        self.editorGroup.setTitle(QCoreApplication.translate("CatalogPage", u"Item", None))
#if QT_CONFIG(accessibility)
        self.editorGroup.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Selected catalog item", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.permissionLabel.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Who may change the catalog", None))
#endif // QT_CONFIG(accessibility)
        self.permissionLabel.setText("")
        self.skuLabel.setText(QCoreApplication.translate("CatalogPage", u"SKU", None))
#if QT_CONFIG(accessibility)
        self.skuValue.setAccessibleName(QCoreApplication.translate("CatalogPage", u"SKU", None))
#endif // QT_CONFIG(accessibility)
        self.brandLabel.setText(QCoreApplication.translate("CatalogPage", u"Brand", None))
#if QT_CONFIG(accessibility)
        self.brandValue.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Brand, category and OEM part number", None))
#endif // QT_CONFIG(accessibility)
        self.descriptionLabel.setText(QCoreApplication.translate("CatalogPage", u"&Description", None))
#if QT_CONFIG(accessibility)
        self.descriptionEdit.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Description", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.descriptionProblem.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Problem with the description", None))
#endif // QT_CONFIG(accessibility)
        self.upcLabel.setText(QCoreApplication.translate("CatalogPage", u"&UPC", None))
#if QT_CONFIG(accessibility)
        self.upcEdit.setAccessibleName(QCoreApplication.translate("CatalogPage", u"UPC, EAN or GTIN with its check digit", None))
#endif // QT_CONFIG(accessibility)
        self.upcEdit.setPlaceholderText(QCoreApplication.translate("CatalogPage", u"none", None))
        self.priceLabel.setText(QCoreApplication.translate("CatalogPage", u"List &price", None))
#if QT_CONFIG(accessibility)
        self.priceEdit.setAccessibleName(QCoreApplication.translate("CatalogPage", u"List price in dollars and cents", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.upcProblem.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Problem with the UPC", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.priceProblem.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Problem with the list price", None))
#endif // QT_CONFIG(accessibility)
        self.fullLabel.setText(QCoreApplication.translate("CatalogPage", u"&Full weight (g)", None))
#if QT_CONFIG(accessibility)
        self.fullEdit.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Full weight in grams", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("CatalogPage", u"&Empty weight (g)", None))
#if QT_CONFIG(accessibility)
        self.emptyEdit.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Empty weight in grams", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.fullProblem.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Problem with the full weight", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.emptyProblem.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Problem with the empty weight", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Save the item", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("CatalogPage", u"&Save", None))
#if QT_CONFIG(accessibility)
        self.revertButton.setAccessibleName(QCoreApplication.translate("CatalogPage", u"Undo unsaved changes", None))
#endif // QT_CONFIG(accessibility)
        self.revertButton.setText(QCoreApplication.translate("CatalogPage", u"U&ndo changes", None))
    # retranslateUi

